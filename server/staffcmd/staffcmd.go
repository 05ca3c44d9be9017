// Package staffcmd is `vitrine staff …`: staff accounts are managed from the
// server's shell, never through the web.
//
//	vitrine staff add -email staff@vitrine.example     create an account
//	vitrine staff passwd -email staff@vitrine.example  set a new password
//
// The password is never a flag (flags end up in shell history and in the
// process list): it is asked for twice without echo when the input is a
// terminal, or read as the first line of the input otherwise
// (`printf '%s\n' "$PW" | vitrine staff add -email …`).
package staffcmd

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"vitrine/portal/staff"
	"vitrine/server/sqlite"
)

// Usage is printed for a missing or unknown subcommand.
const Usage = `usage:
  vitrine staff add -email EMAIL [-data DIR]      create a staff account
  vitrine staff passwd -email EMAIL [-data DIR]   set a new password (signs the account out everywhere)

The password is read from the terminal without echo, or as the first line of
standard input when it is not a terminal. DIR defaults to $VITRINE_DATA or ./data.`

// Run runs `vitrine staff <args>`.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "passwd") {
		fmt.Fprintln(stderr, Usage)
		return errors.New("unknown or missing subcommand")
	}
	cmd := args[0]
	fl := flag.NewFlagSet("vitrine staff "+cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	email := fl.String("email", "", "the staff member's email")
	dataDir := fl.String("data", sqlite.DefaultDataDir(), "folder of the database (env VITRINE_DATA)")
	if err := fl.Parse(args[1:]); err != nil {
		return err
	}
	if *email == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, Usage)
		return errors.New("-email is required, and the password is not an argument")
	}
	password, err := ReadPassword(stdin, stderr)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*dataDir, 0o750); err != nil {
		return fmt.Errorf("create data folder: %w", err)
	}
	db, err := sqlite.Open(ctx, sqlite.Path(*dataDir))
	if err != nil {
		return err
	}
	defer db.Close()
	auth := &staff.Auth{Store: sqlite.NewStaffStore(db)}
	switch cmd {
	case "add":
		u, err := auth.AddUser(ctx, *email, password)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Staff account %s created. Sign in at /staff/signin.\n", u.Email)
	case "passwd":
		if err := auth.SetPassword(ctx, *email, password); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Password of %s changed; its sessions have ended.\n", staff.NormalizeEmail(*email))
	}
	return nil
}

// ReadPassword reads a new password: from a terminal, asked twice without
// echo; otherwise the first line of in.
func ReadPassword(in io.Reader, prompt io.Writer) (string, error) {
	if f, ok := in.(*os.File); ok && isTerminal(f) {
		first, err := readHidden(f, prompt, "Password: ")
		if err != nil {
			return "", err
		}
		again, err := readHidden(f, prompt, "Repeat the password: ")
		if err != nil {
			return "", err
		}
		if first != again {
			return "", errors.New("the two passwords differ")
		}
		return first, nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", errors.New("no password on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// readHidden prompts and reads one line from the terminal f with echo
// turned off through stty, which every Unix has; it refuses to read a
// password that would show on the screen.
func readHidden(f *os.File, prompt io.Writer, label string) (string, error) {
	stty := func(arg string) error {
		cmd := exec.Command("stty", arg)
		cmd.Stdin = f
		return cmd.Run()
	}
	if err := stty("-echo"); err != nil {
		return "", fmt.Errorf("cannot hide the password as you type (%v); pipe it on standard input instead", err)
	}
	defer stty("echo")
	fmt.Fprint(prompt, label)
	line, err := bufio.NewReader(f).ReadString('\n')
	fmt.Fprintln(prompt)
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
