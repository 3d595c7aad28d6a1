package hostkit.sample.lib;

/** Lives in the sample app's dependency jar (lib/), so the app only starts with lib/* on its classpath. */
public final class Greeting {
    private Greeting() {}

    public static String text() {
        return System.getenv().getOrDefault("GREETING", "hello");
    }
}
