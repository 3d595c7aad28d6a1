def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))

assert check.log.contains('hosting: skipped (hosting.skip=true)') : 'the log should say that the goal was skipped'
assert check.file('target/skip-1.0.jar').isFile() : 'the rest of the build should have run'
assert !check.kitDir.exists() : 'a skipped goal should write nothing, but target/hosting exists'
