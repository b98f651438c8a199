console.log("chat test app");
