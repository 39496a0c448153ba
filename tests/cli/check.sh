# check.sh — `signpost --check` and the exit-code contract.
. "$(dirname "$0")/lib.sh"

expect_exit 0 "default content is valid" -- "$bin" --check --config "$src/config/content.yaml"
expect_err "ok: 8 screens" "check says how much it checked"

cat >"$tmp/bad.yaml" <<'YAML'
screens:
  - id: welcome
    titel: "Welcome"
    blocks:
      - text: "Hello"
YAML
expect_exit 1 "invalid content" -- "$bin" --check --config "$tmp/bad.yaml"
expect_err "$tmp/bad.yaml:3:5: error: unknown key 'titel'" "error names file, line and column"
expect_err "did you mean 'title'?" "error suggests the nearest key"

# $SIGNPOST_CONFIG is the default when --config is not given
SIGNPOST_CONFIG="$tmp/bad.yaml" expect_exit 1 "SIGNPOST_CONFIG is used" -- "$bin" --check

expect_exit 2 "missing file" -- "$bin" --check --config "$tmp/nope.yaml"
expect_err "$tmp/nope.yaml" "missing file is named"
expect_exit 2 "a directory" -- "$bin" --check --config "$tmp"
: >"$tmp/empty.yaml"
expect_exit 1 "empty file" -- "$bin" --check --config "$tmp/empty.yaml"
expect_err "empty" "empty file is called empty"

# text too long for the screen: valid, but warned about
{
	echo "screens:"
	echo "  - id: long"
	echo "    title: \"A long screen\""
	echo "    blocks:"
	i=0
	while [ $i -lt 30 ]; do
		echo "      - text: \"This is a sentence that goes on for a while, number $i.\""
		i=$((i + 1))
	done
} >"$tmp/long.yaml"
expect_exit 0 "long content is still valid" -- "$bin" --check --config "$tmp/long.yaml"
expect_err "$tmp/long.yaml:2:5: warning: screen 'long' (en) is too long" "pagination is reported"
expect_err "$tmp/long.yaml: warning: no 'quick_exit' screen, so there is no Quick exit button" "a missing Quick exit screen is reported"

expect_exit 1 "the file may also follow --check" -- "$bin" --check "$tmp/bad.yaml"
expect_err "$tmp/bad.yaml:3:5: error: unknown key 'titel'" "the file after --check is the one checked"
expect_exit 2 "unknown option" -- "$bin" --chek
expect_err "unknown option '--chek'" "unknown option is named"
expect_exit 2 "bad size" -- "$bin" --check --size big --config "$src/config/content.yaml"
expect_exit 0 "--version" -- "$bin" --version
expect_exit 0 "--help" -- "$bin" --help
done_testing
