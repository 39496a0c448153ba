# boundary.sh — the pure core stays pure: no SDL and no clock in firmware/core.
. "$(dirname "$0")/lib.sh"
if grep -rnE '#include[[:space:]]*[<"]SDL|SDL_GetTicks|clock_gettime|gettimeofday|time\(NULL\)' \
	"$src/firmware/core" >"$tmp/hits"; then
	fail "firmware/core reaches outside the core:"
	cat "$tmp/hits" >&2
else ok; fi
done_testing
