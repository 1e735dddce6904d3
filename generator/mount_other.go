//go:build !unix

package generator

// isMountPoint reports false here: on Windows an output folder that cannot
// be renamed makes the build fail with the previous site untouched (see
// staging.Commit).
func isMountPoint(dir string) bool { return false }
