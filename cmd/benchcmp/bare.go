package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/extension"
)

// bareLoop is the floor a builder can approach: it converts every Markdown
// file of a site's content/ folder with goldmark (GFM and YAML front
// matter, one instance per worker, one worker per core) and writes each
// page to OUT/<path>/index.html, with no templates, citations, checks or
// anything else.
func bareLoop(site, out string) error {
	var files []string
	root := filepath.Join(site, "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, runtime.GOMAXPROCS(0))
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md := goldmark.New(goldmark.WithExtensions(extension.GFM, meta.Meta))
			var buf bytes.Buffer
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(files[i])
				if err != nil {
					errs <- err
					return
				}
				buf.Reset()
				if err := md.Convert(src, &buf); err != nil {
					errs <- err
					return
				}
				rel, _ := filepath.Rel(root, strings.TrimSuffix(files[i], ".md"))
				dir := filepath.Join(out, rel)
				if err := os.MkdirAll(dir, 0o755); err != nil {
					errs <- err
					return
				}
				if err := os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}
