//go:build !(js && wasm)

package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keyUses are the ways code names a message key literally: a component's
// T or t method, i18n.T, and the key of a domain error (its Key field, or
// the key argument of FieldError and of the model checks' invalid).
var keyUses = []*regexp.Regexp{
	regexp.MustCompile(`\.[Tt]\(\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"`),
	regexp.MustCompile(`\bi18n\.T\([^,()]+,\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"`),
	regexp.MustCompile(`\bKey:\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"`),
	regexp.MustCompile(`\bFieldError\("[^"]*",\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"`),
	regexp.MustCompile(`\binvalid\(\s*"(models\.err\.[a-z0-9_]+)"`),
	regexp.MustCompile(`\binvalid\("[^"]*",\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"`),
}

// TestEveryKeyInCodeIsInTheCatalog reads the project's Go files for the
// message keys they name literally and checks each is in the catalog: T
// returns a missing key as it is, so a typo or a forgotten entry would
// otherwise reach a customer as "track.mail.new_estimate".
func TestEveryKeyInCodeIsInTheCatalog(t *testing.T) {
	en, err := Messages("en")
	require.NoError(t, err)
	root := filepath.Join("..", "..")
	seen := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "node_modules", "data", ".git", "dist":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, re := range keyUses {
			for _, m := range re.FindAllSubmatch(src, -1) {
				seen++
				key := string(m[1])
				_, ok := en[key]
				assert.True(t, ok, "%s uses %q, which the catalog lacks", path, key)
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, seen, 300, "the patterns still find the keys the code uses")
}
