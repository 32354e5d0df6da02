import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with Bolt on 127.0.0.1:PORT and its files under HOME.
 *
 * Usage: java -cp 'lib/*' Launcher.java HOME PORT [--delete-home-on-exit]
 *
 * Prints "READY bolt://127.0.0.1:PORT" once the default database is available. The database is
 * shut down when standard input closes, so it never outlives the process that started it, however
 * that process ends; a shutdown hook covers SIGTERM and Ctrl-C. With --delete-home-on-exit, HOME is
 * removed after the shutdown, so a throwaway database leaves nothing behind even when its parent
 * was killed too hard to clean up.
 */
public final class Launcher {
    private static final long AVAILABLE_TIMEOUT_MS = 60_000;

    public static void main(String[] args) throws IOException {
        boolean deleteHome = args.length == 3 && args[2].equals("--delete-home-on-exit");
        if (args.length != 2 && !deleteHome) {
            System.err.println("usage: Launcher HOME PORT [--delete-home-on-exit]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);

        DatabaseManagementService service;
        try {
            service = start(home, port);
        } catch (Throwable e) {
            // The stack trace is for the log; the last line, with every cause, is for the error message.
            e.printStackTrace();
            System.err.println("neo4j failed to start: " + causes(e));
            // Neo4j may have started non-daemon threads already; without exit() the JVM would hang.
            System.exit(1);
            return;
        }

        Thread stopper = new Thread(() -> {
            stop(service);
            if (deleteHome) {
                deleteRecursively(home);
            }
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        if (!service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(AVAILABLE_TIMEOUT_MS)) {
            System.err.println("the default database did not become available within "
                    + AVAILABLE_TIMEOUT_MS + " ms; see " + home.resolve("logs/debug.log"));
            System.exit(1);
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        InputStream in = System.in;
        while (in.read() != -1) {
            // Anything written is ignored; only the end of the stream matters.
        }
        System.exit(0);
    }

    private static DatabaseManagementService start(Path home, int port) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // The page cache is allocated as pages are first read, so a small test database
                // uses little of it; a benchmark network of 1M shipments (a store of about 2 GB)
                // would thrash in 512 MiB, the former size.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.gibiBytes(2))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.forbid_exhaustive_shortestpath, true)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                .setConfig(GraphDatabaseInternalSettings.dump_diagnostics, false)
                // Netty waits 5 s of quiet per Bolt event loop at shutdown (10 s in all) although
                // the databases are closed by then; nothing is lost by not waiting.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by: ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static synchronized void stop(DatabaseManagementService service) {
        try {
            service.shutdown();
        } catch (RuntimeException e) {
            System.err.println("neo4j shutdown failed: " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}
