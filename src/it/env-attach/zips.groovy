/*
 * Reads what java.util.zip does not show: each entry's Unix mode, its DOS time and date, in the
 * order of the central directory. Loaded by the verify scripts of env-attach and env-attach-single:
 *
 *     def zips = evaluate(new File(basedir, '../../../src/it/env-attach/zips.groovy'))
 */
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.charset.StandardCharsets
import java.util.zip.ZipFile

class KitZips {
    /** The central directory's entries: [name, unixMode, madeByUnix, dosTime, dosDate], in zip order. */
    static List<Map> entries(File zip) {
        byte[] bytes = zip.bytes
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
        int end = bytes.length - 22
        while (end >= 0 && buffer.getInt(end) != 0x06054b50) {
            end--
        }
        assert end >= 0 : "$zip has no end of central directory record"
        int count = buffer.getShort(end + 10) & 0xffff
        int at = buffer.getInt(end + 16)
        List<Map> entries = []
        count.times {
            assert buffer.getInt(at) == 0x02014b50 : "$zip: bad central directory entry"
            int nameLength = buffer.getShort(at + 28) & 0xffff
            int extraLength = buffer.getShort(at + 30) & 0xffff
            int commentLength = buffer.getShort(at + 32) & 0xffff
            entries << [name      : new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8),
                        unixMode  : (buffer.getInt(at + 38) >>> 16) & 0xffff,
                        madeByUnix: ((buffer.getShort(at + 4) & 0xffff) >> 8) == 3,
                        dosTime   : buffer.getShort(at + 12) & 0xffff,
                        dosDate   : buffer.getShort(at + 14) & 0xffff]
            at += 46 + nameLength + extraLength + commentLength
        }
        entries
    }

    /**
     * Checks a kit zip against the kit folder it was packed from: the same files with the same
     * bytes, in path order, one fixed time, scripts 0755 and the rest 0644. Returns the entry names.
     */
    static List<String> checkKitZip(File zip, File kitDir, SortedSet<String> kitFiles) {
        assert zip.isFile() : "$zip should exist"
        def entries = entries(zip)
        def names = entries*.name
        def expected = kitFiles.findAll { it != '.hostkit-manifest' } as List
        assert names == expected : "$zip should hold the kit's files (not the manifest), sorted by path:\n  $names\n  expected $expected"
        new ZipFile(zip).withCloseable { archive ->
            for (name in names) {
                assert archive.getInputStream(archive.getEntry(name)).bytes == new File(kitDir, name).bytes :
                        "$zip: $name should hold the bytes of the kit's file"
            }
        }
        assert entries.every { it.madeByUnix } : "$zip: every entry should carry Unix attributes"
        assert entries*.dosTime.unique() == [0] && entries*.dosDate.unique() == [(2 << 5) | 1] :
                "$zip: every entry should have the fixed time 1980-02-01 00:00"
        for (entry in entries) {
            int mode = new File(kitDir, entry.name).canExecute() ? 0100755 : 0100644
            assert entry.unixMode == mode :
                    "$zip: ${entry.name} should have mode ${Integer.toOctalString(mode)}, not ${Integer.toOctalString(entry.unixMode)}"
        }
        assert entries.find { it.name == 'host/install.sh' }?.unixMode == 0100755 : "$zip: host/install.sh should be executable"
        names
    }
}

new KitZips()
