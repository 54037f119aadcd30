package org.cmograph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.cmograph.util.StrictUtf8;

/**
 * The password of {@code --password-file}: the file's first line. The file's type is checked before
 * it is opened, since opening a named pipe blocks until a writer comes and {@code /dev/zero} never
 * ends, and it is read with a bound, so no file can make the command hang or fill its memory.
 *
 * <pre>
 * String password = PasswordFile.read(Path.of("secrets/update-password"));
 * </pre>
 */
final class PasswordFile {
  /** A password file holds one line; anything longer is not one. */
  static final int MAX_BYTES = 4096;

  private PasswordFile() {}

  static String read(Path file) {
    String name = file.toString(); // escaped, as every message, where it is printed
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class); // follows a link
    } catch (NoSuchFileException e) {
      throw new CliException(
          ErrorCode.PASSWORD_FILE, "cannot read password file " + name + ": no such file");
    } catch (IOException e) {
      throw new CliException(
          ErrorCode.PASSWORD_FILE, "cannot read password file " + name + ": " + e.getMessage());
    }
    if (!attrs.isRegularFile()) {
      throw new CliException(
          ErrorCode.PASSWORD_FILE,
          "password file "
              + name
              + " is not a regular file ("
              + (attrs.isDirectory() ? "a folder" : "a pipe, device or socket")
              + "); give a file whose first line is the password");
    }
    if (attrs.size() > MAX_BYTES) {
      throw tooLarge(name);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1); // bounded even if the file grows meanwhile
    } catch (IOException e) {
      throw new CliException(
          ErrorCode.PASSWORD_FILE, "cannot read password file " + name + ": " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(name);
    }
    String text;
    try {
      text = StrictUtf8.decode(bytes);
    } catch (StrictUtf8.NotUtf8Exception e) {
      throw new CliException(
          ErrorCode.PASSWORD_FILE, "password file " + name + " is not UTF-8 text");
    }
    String first = text.lines().findFirst().orElse("").strip();
    if (first.isEmpty()) {
      throw new CliException(
          ErrorCode.PASSWORD_FILE,
          "password file " + name + " is empty; its first line is the password");
    }
    return first;
  }

  private static CliException tooLarge(String name) {
    return new CliException(
        ErrorCode.PASSWORD_FILE,
        "password file "
            + name
            + " is larger than "
            + MAX_BYTES
            + " bytes; it should hold one line, the password");
  }
}
