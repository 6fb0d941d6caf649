import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor for a picocli command line on the JVM: one @Command, one option, prints nothing by default.
 * bench/run.sh packages it with the picocli jar the supervisor uses and runs it with the same JVM flags,
 * so "supervisor / hello" is the supervisor's own start-up cost above "JVM + picocli".
 */
@Command(name = "hello", mixinStandardHelpOptions = true, version = "hello 1")
public final class Hello implements Callable<Integer> {
    @Option(names = "--name", description = "Who to greet (prints nothing without it).")
    String name;

    @Override
    public Integer call() {
        if (name != null) System.out.println("hello " + name);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Hello()).execute(args));
    }
}
