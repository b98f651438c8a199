package dev.chanx.core.schema;

/**
 * RFC 3339 {@code date-time}, {@code full-date} and {@code full-time}, with the leap second
 * {@code 23:59:60} (in UTC) and lower-case {@code t} and {@code z}.
 */
final class Dates {

  private Dates() {}

  static boolean isDateTime(String text) {
    int t = 10;
    return text.length() > t && (text.charAt(t) == 'T' || text.charAt(t) == 't')
        && isDate(text.substring(0, t)) && isTime(text.substring(t + 1));
  }

  static boolean isDate(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
  }

  private static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** {@code HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)}; second 60 only where the UTC time is 23:59. */
  static boolean isTime(String text) {
    if (text.length() < 9 || text.charAt(2) != ':' || text.charAt(5) != ':') {
      return false;
    }
    int hour = digits(text, 0, 2);
    int minute = digits(text, 3, 2);
    int second = digits(text, 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
      return false;
    }
    int i = 8;
    if (text.charAt(i) == '.') {
      int start = ++i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == start || i == text.length()) {
        return false;
      }
    }
    int offset;
    char sign = text.charAt(i);
    if (sign == 'Z' || sign == 'z') {
      if (i + 1 != text.length()) {
        return false;
      }
      offset = 0;
    } else if ((sign == '+' || sign == '-') && text.length() == i + 6 && text.charAt(i + 3) == ':') {
      int hours = digits(text, i + 1, 2);
      int minutes = digits(text, i + 4, 2);
      if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
        return false;
      }
      offset = (sign == '+' ? 1 : -1) * (hours * 60 + minutes);
    } else {
      return false;
    }
    if (second == 60) {
      int utc = Math.floorMod(hour * 60 + minute - offset, 24 * 60);
      return utc == 23 * 60 + 59;
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@return the ASCII digits at {@code start} as a number}, or -1 if any is not a digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
