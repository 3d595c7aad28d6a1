// Before the second build: backdate every file of the kit, so that any write shows in its time.
def kit = new File(basedir, 'target/hosting')
assert kit.isDirectory() : 'the first build should have generated the kit'
kit.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    assert file.setLastModified(946684800000L) : "cannot backdate $file"
}
true
