/*
 * Helpers for the verify scripts of the integration tests. The invoker clones each IT to
 * target/it/<name> but not this file, so a script loads it from the source tree:
 *
 *     def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
 *
 * The invoker fails a hook script that returns anything but null or true, so end each script with
 * an assert, a failedWith/failedMatching call or `true`, never with an .each {} or a value.
 */
import java.security.MessageDigest
import java.util.regex.Pattern

class ItChecks {
    final File basedir
    /** Where the kit goes by default. */
    final File kitDir

    ItChecks(File basedir) {
        this.basedir = basedir
        this.kitDir = new File(basedir, 'target/hosting')
    }

    /** The whole build.log: every Maven invocation of this IT, in order. */
    String getLog() {
        new File(basedir, 'build.log').getText('UTF-8')
    }

    /** The log of each Maven invocation (invoker.goals.1, .2, ...), in order. */
    List<String> getInvocations() {
        (log.split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/) as List).drop(1)
    }

    File file(String path) {
        new File(basedir, path)
    }

    File kit(String path) {
        new File(kitDir, path)
    }

    /** The text of a generated file, which must exist. */
    String kitText(String path) {
        assert kit(path).isFile() : "target/hosting/$path should have been generated"
        kit(path).getText('UTF-8')
    }

    /** Every file under the directory, as relative paths with '/'. */
    static SortedSet<String> filesUnder(File dir) {
        def files = new TreeSet<String>()
        if (dir.isDirectory()) {
            dir.eachFileRecurse(groovy.io.FileType.FILES) { files << dir.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
        }
        files
    }

    SortedSet<String> kitFiles() {
        filesUnder(kitDir)
    }

    /**
     * Checks the kit's .hostkit-manifest: it lists exactly the other files in the kit directory,
     * each with its current SHA-256. Returns the listed paths.
     */
    SortedSet<String> checkManifest(File dir = kitDir) {
        def manifest = new File(dir, '.hostkit-manifest')
        assert manifest.isFile() : "$manifest should have been written"
        def listed = new TreeMap<String, String>()
        manifest.readLines('UTF-8').findAll { it && !it.startsWith('#') }.each { line ->
            def (hash, path) = line.split('  ', 2)
            listed[path] = hash
        }
        listed.each { path, hash ->
            def file = new File(dir, path)
            assert file.isFile() : "the manifest lists $path, which does not exist"
            assert sha256(file) == hash : "the manifest's hash of $path does not match the file"
        }
        listed.keySet() as SortedSet<String>
    }

    static String sha256(File file) {
        MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    }

    /**
     * The build (or one invocation's log of it) failed because of hostkit, with exactly this
     * message after the 'hosting: ' prefix, and no kit was written.
     */
    void failedWith(String message, String buildLog = log) {
        failed(buildLog, Pattern.quote(message), message)
    }

    /** Like {@link #failedWith}, for a message given as a regular expression. */
    void failedMatching(String messageRegex, String buildLog = log) {
        failed(buildLog, messageRegex, "/$messageRegex/")
    }

    private void failed(String buildLog, String messageRegex, String shown) {
        assert buildLog.contains('BUILD FAILURE') : 'the build should have failed'
        assert buildLog =~ /Failed to execute goal dev\.hostkit:hosting-maven-plugin:\S+:generate \(\S+\) on project \S+: hosting: $messageRegex/ :
                "build.log should fail the generate goal with the message\n  hosting: $shown"
        assert !kitDir.exists() : 'an invalid setting must stop the build before anything is written, but target/hosting exists'
    }
}

new ItChecks(basedir)
