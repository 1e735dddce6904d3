//go:build unix

package generator

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"pamphlet/generator/write"
)

// holdLockEnv names, in a child process of the tests, the output folder
// whose lock it takes and holds until it is killed.
const holdLockEnv = "PAMPHLET_TEST_HOLD_LOCK"

func init() {
	out := os.Getenv(holdLockEnv)
	if out == "" {
		return
	}
	if _, err := write.Lock(out); err != nil {
		os.Stdout.WriteString("error " + err.Error() + "\n")
		os.Exit(1)
	}
	os.Stdout.WriteString("locked\n")
	select {} // until killed
}

func TestTwoBuildsAtOnce(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.mustBuild()
	before := s.snapshot()
	release, err := write.Lock(filepath.Join(s.root, "public"))
	if err != nil {
		t.Fatal(err)
	}
	s.write("content/therapy/groups.md", "---\ntitle: Group sessions\n---\nText.\n")
	_, err = s.build()
	if err == nil {
		t.Fatal("a second build ran while the first held the lock")
	}
	assertContains(t, err.Error(), "another build of "+filepath.Join(s.root, "public")+" is running (process "+strconv.Itoa(os.Getpid())+"): wait for it to finish")
	if s.snapshot() != before {
		t.Error("public/ changed")
	}
	release()
	s.mustBuild()
	assertContains(t, s.read("therapy/groups/index.html"), "Group sessions")
}

func TestLockOfAKilledBuildIsGone(t *testing.T) {
	s := newTestSite(t, goodSite)
	out := filepath.Join(s.root, "public")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdLockEnv+"="+out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "locked\n" {
		cmd.Process.Kill()
		t.Fatalf("the child process said %q", line)
	}
	if _, err := s.build(); err == nil {
		t.Error("a build ran while another process held the lock")
	}
	cmd.Process.Kill() // as kill -9 would
	cmd.Wait()
	s.mustBuild()
}

func TestLeftoversOfKilledBuildsAreRemoved(t *testing.T) {
	s := newTestSite(t, goodSite)
	s.mustBuild()
	for _, name := range []string{".public.spill-0123", ".public.staging-4567/therapy/x.html", ".public.old-89ab/index.html"} {
		s.write(name, "left by a build that was killed")
	}
	s.write("content/therapy/groups.md", "---\ntitle: Group sessions\n---\nText.\n")
	s.mustBuild()
	for _, dir := range []string{s.root, filepath.Join(s.root, "public")} {
		if left := scratch(t, dir); len(left) > 0 {
			t.Errorf("left in %s: %v", dir, left)
		}
	}
	// The lock file and the manifest stay.
	for _, keep := range []string{".public.lock", ".public.manifest.json"} {
		if _, err := os.Stat(filepath.Join(s.root, keep)); err != nil {
			t.Errorf("%s: %v", keep, err)
		}
	}
}

// scratch lists what a build left in dir that only a running build makes.
func scratch(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, write.ScratchPrefix) || strings.Contains(n, ".staging-") || strings.Contains(n, ".spill-") || strings.Contains(n, ".old-") {
			left = append(left, n)
		}
	}
	return left
}
