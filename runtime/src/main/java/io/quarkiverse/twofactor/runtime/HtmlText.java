package io.quarkiverse.twofactor.runtime;

/** Plain text made safe to place in HTML. */
public final class HtmlText {

    private HtmlText() {
    }

    /** The text as one HTML paragraph, escaped, its line breaks kept. */
    static String paragraph(String text) {
        return "<p>" + escape(text).replace("\r\n", "\n").replace("\n", "<br>\n") + "</p>";
    }

    /** Escapes the characters that could open markup or leave an attribute value. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
