//go:build !unix

package write

// IsMountPoint reports false here: on Windows an output folder that cannot
// be renamed makes the build fail with the previous site untouched (see
// Staging.Commit).
func IsMountPoint(dir string) bool { return false }
