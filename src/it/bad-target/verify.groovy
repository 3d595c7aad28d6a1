def check = evaluate(new File(basedir, '../../../src/it/checks.groovy'))
// The list names every built-in target (compose and docker, and those added later) and the user's own.
check.failedMatching(/Invalid value for hosting\.targets: 'helm'\. Allowed: a comma-separated list of compose, docker(, [a-z]+)*, scripts\./)
