// Package secret loads the server's secrets: the key that signs order links
// and browser proofs, and the key carriers sign their webhooks with. Each
// comes from an environment variable when it is set, else from a file in the
// data folder, which the server creates with a fresh random value on first
// start. Secrets are never logged; errors name the file, never its contents.
package secret

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// MinLen is the shortest secret accepted, in bytes: anything shorter could
// be guessed.
const MinLen = 16

// Files in the data folder, and the environment variables that override them.
const (
	SigningFile = "secret.key"
	SigningEnv  = "VITRINE_SECRET"
	CarrierFile = "carrier.key"
	CarrierEnv  = "VITRINE_CARRIER_SECRET"
)

// Load returns the secret named by the environment variable env when it is
// set, else the contents of path (surrounding white space removed). When the
// file does not exist and create is true, Load writes a new secret there (32
// random bytes, hex-encoded, readable by the owner only) and returns it; when
// create is false that is an error, for tools that must use the server's
// secret rather than make their own.
func Load(env, path string, create bool) ([]byte, error) {
	if v := strings.TrimSpace(os.Getenv(env)); v != "" {
		if len(v) < MinLen {
			return nil, fmt.Errorf("%s is shorter than %d characters", env, MinLen)
		}
		return []byte(v), nil
	}
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		v := strings.TrimSpace(string(b))
		if len(v) < MinLen {
			return nil, fmt.Errorf("the secret in %s is shorter than %d characters", path, MinLen)
		}
		return []byte(v), nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("read secret: %w", err)
	case !create:
		return nil, fmt.Errorf("no secret: set %s or start the server once to create %s", env, path)
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, fmt.Errorf("generate secret: %w", err)
	}
	v := hex.EncodeToString(raw)
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create secret: %w", err)
	}
	// O_EXCL: if another process created the file meanwhile, use its secret
	// rather than overwrite one that may already have signed links.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return Load(env, path, false)
	}
	if err != nil {
		return nil, fmt.Errorf("create secret: %w", err)
	}
	if _, err := f.WriteString(v + "\n"); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fmt.Errorf("write secret: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, fmt.Errorf("write secret: %w", err)
	}
	return []byte(v), nil
}
