package com.releaseledger.database;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JDBC URLs as the engine prints them: a password (or another secret) a URL carries in its query string or its
 * user information never reaches a terminal or a log, and the data source takes it apart from the URL.
 */
public final class JdbcUrls {

    /** A query parameter whose value is a secret: password, sslpassword, anything with "secret" or "token". */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "([?&;](?:[^=&;]*password|[^=&;]*secret[^=&;]*|[^=&;]*token[^=&;]*)=)([^&;]*)", Pattern.CASE_INSENSITIVE);
    /** {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*:)([^/@]*)@");

    private JdbcUrls() {
    }

    /** The URL with every secret replaced by {@code ***}. */
    public static String redacted(String url) {
        if (url == null) {
            return null;
        }
        String withoutParameters = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameters).replaceAll("$1***@");
    }

    /** The value of the URL's {@code password} parameter, or null. */
    static String password(String url) {
        Matcher matcher = Pattern.compile("[?&;]password=([^&;]*)", Pattern.CASE_INSENSITIVE).matcher(url);
        return matcher.find() ? java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8)
                : null;
    }

    /** The URL without its {@code password} parameter (the data source is given it apart). */
    static String withoutPassword(String url) {
        String without = url.replaceAll("(?i)([?&;])password=[^&;]*[&;]?", "$1");
        return without.replaceAll("[?&;]$", "");
    }
}
