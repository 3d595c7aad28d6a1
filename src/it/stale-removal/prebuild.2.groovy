// Before the second build: add a file of our own to compose/ and change a generated one.
def compose = new File(basedir, 'target/hosting/compose')
assert new File(compose, 'nginx/default.conf').isFile() : 'the first build should have generated the compose kit'
new File(compose, 'mine.txt').text = 'made by hand\n'
new File(compose, 'app.env') << 'EDITED=by hand\n'
true
