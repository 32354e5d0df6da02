import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

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
 *
 * Authentication is on. The password of the user `neo4j` is in HOME/neo4j-password (mode 0600),
 * made from 32 random bytes on the first start and kept for later ones; whoever starts the
 * launcher reads it there, so it never appears on a command line or in a log. A folder made before
 * this file existed gets one on its next start, and the file wins over whatever password the
 * database held.
 */
public final class Launcher {
    private static final long AVAILABLE_TIMEOUT_MS = 60_000;
    static final String PASSWORD_FILE = "neo4j-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
            service = startWithPassword(home, port);
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

    private static DatabaseManagementService startWithPassword(Path home, int port) throws IOException {
        String password = readOrCreatePassword(home.resolve(PASSWORD_FILE));
        writeInitialPassword(home, password);
        DatabaseManagementService service;
        try {
            service = start(home, port);
        } finally {
            // Read by now (or never to be); a hash, but the password's only copy should be its file.
            Files.deleteIfExists(initialPasswordFile(home));
        }
        try {
            ensurePassword(service, password);
        } catch (RuntimeException e) {
            stop(service);
            throw e;
        }
        return service;
    }

    private static DatabaseManagementService start(Path home, int port) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
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

    /** The password kept in HOME, or a new one, written so that no reader ever sees half a file. */
    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            // A folder copied or unpacked elsewhere may have lost the mode; the file must stay private.
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it to have a new password made");
            }
            return password;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".partial",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return password;
    }

    /**
     * What `neo4j-admin dbms set-initial-password` does: writes the password, hashed, to
     * data/dbms/auth.ini. Neo4j reads it while the system database starts, before Bolt listens:
     * a new database gets `neo4j` with this password, and one made while auth was off (where
     * `neo4j` still has the default password) has it replaced. Either way no client can log in
     * with the default password in between.
     */
    private static void writeInitialPassword(Path home, String password) {
        StringWriter errors = new StringWriter();
        PrintStream discard = new PrintStream(PrintStream.nullOutputStream());
        ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), discard, discard,
                new DefaultFileSystemAbstraction());
        CommandLine command = new CommandLine(new SetInitialPasswordCommand(context))
                .setErr(new PrintWriter(errors));
        // "--": whatever the file holds is the password, even text that looks like an option.
        if (command.execute("--", password) != 0) {
            throw new IllegalStateException("could not set the initial password: " + errors.toString().trim());
        }
    }

    private static Path initialPasswordFile(Path home) {
        return home.resolve("data").resolve("dbms").resolve("auth.ini");
    }

    /**
     * Sets the password of `neo4j` where the initial-password file could not (the database held
     * another password, e.g. after HOME's password file was deleted). Neo4j refuses a new password
     * equal to the old one, and that refusal is the usual answer: the password was already right.
     * The value travels as a parameter, which Neo4j never writes to its logs.
     */
    private static void ensurePassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
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
