// Before the second build: a file of our own in dev's folder, and a generated file changed by hand.
def dev = new File(basedir, 'target/hosting/dev')
assert new File(dev, 'compose/app.env').isFile() : 'the first build should have rendered the dev kit'
new File(dev, 'notes.txt').text = 'made by hand\n'
new File(dev, 'compose/app.env') << 'EDITED=by hand\n'
true
