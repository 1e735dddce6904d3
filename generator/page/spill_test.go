package page

import (
	"bytes"
	"fmt"
	"testing"
)

// spillPages spills n pages whose parts are sized so that they share disk
// blocks with their neighbours, and returns each page's parts and where
// they went.
func spillPages(t *testing.T, n int) (*Spills, [][3][]byte, []spillRef) {
	t.Helper()
	ss := NewSpills(t.TempDir(), ".public.")
	t.Cleanup(ss.Remove)
	s, err := ss.new()
	if err != nil {
		t.Fatal(err)
	}
	parts := make([][3][]byte, n)
	refs := make([]spillRef, n)
	for i := range parts {
		body := bytes.Repeat([]byte(fmt.Sprintf("<p>page %d</p>", i)), 700+i*37)
		parts[i] = [3][]byte{body, []byte(fmt.Sprintf("<ol>%d</ol>", i)), []byte(fmt.Sprintf(`{"n":%d}`, i))}
		if refs[i], err = s.put(parts[i][0], parts[i][1], parts[i][2]); err != nil {
			t.Fatal(err)
		}
	}
	if err := ss.Flush(); err != nil {
		t.Fatal(err)
	}
	return ss, parts, refs
}

// Reading a page frees its bytes in the spill file; the pages around it,
// which share disk blocks with it, must still read back whole, in any
// order.
func TestSpillReadsEachPageWholeAfterItsNeighbours(t *testing.T) {
	_, parts, refs := spillPages(t, 40)
	var scratch bytes.Buffer
	order := []int{}
	for i := 1; i < len(refs); i += 2 { // every other page first, then the rest
		order = append(order, i)
	}
	for i := len(refs) - 2; i >= 0; i -= 2 {
		order = append(order, i)
	}
	for _, i := range order {
		body, refList, ld, err := refs[i].read(&scratch)
		if err != nil {
			t.Fatal(err)
		}
		for k, got := range [][]byte{body, refList, ld} {
			if !bytes.Equal(got, parts[i][k]) {
				t.Fatalf("page %d, part %d: read back %d bytes that differ from the %d spilled", i, k, len(got), len(parts[i][k]))
			}
		}
	}
}
