package site

import (
	"bytes"
	"errors"
	"io"
	"os"
	"unicode/utf8"

	"pamphlet/generator/diag"
)

// ErrNotRegular is the error for a file that is not a regular file.
var ErrNotRegular = errors.New("this is not a regular file (it may be a named pipe or a device), so Pamphlet does not read it")

// OpenRegular opens a file for reading only if it is a regular file. A
// named pipe is opened without waiting for a writer, and closed at once:
// reading one would block the build for ever.
func OpenRegular(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = ErrNotRegular
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// ReadRegular reads a whole regular file (see OpenRegular).
func ReadRegular(name string) ([]byte, error) {
	return ReadFileInto(name, nil)
}

// ReadFileInto reads the named regular file into buf, from its start,
// growing it as needed, and returns it.
func ReadFileInto(name string, buf []byte) ([]byte, error) {
	f, err := OpenRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// CleanText checks that src is UTF-8 text, drops a byte-order mark and turns
// CRLF line ends into LF (line numbers are unchanged). It returns a
// diagnostic for a file that is not UTF-8.
func CleanText(file string, src []byte) ([]byte, *diag.Diagnostic) {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line := 1 + bytes.Count(src[:i], []byte("\n"))
		d := diag.Errorf(file, line, 0, "this file holds NUL bytes, so it is not text: it may be a picture, a PDF or a Word document saved with the wrong name; save it as plain text (UTF-8), or give it its own extension (.png, .pdf, .docx)")
		return nil, &d
	}
	if !utf8.Valid(src) {
		line, col := 1, 1
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += n
		}
		d := diag.Errorf(file, line, col, "this file is not UTF-8 text (it may be saved as Windows-1252 or Latin-1): save it again as UTF-8 in your editor")
		return nil, &d
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src, nil
}
