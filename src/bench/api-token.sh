# Sourced by the bench scripts: the API takes API tokens, never a password (HTTP Basic is refused).
#   api_token BASE_URL USERNAME PASSWORD [NAME]   prints a new API token (rct_…) of that staff account
# It signs in as a browser does (cookie jar; the CSRF token read from its cookie once signed in, being bound to the
# session) and creates the token on /staff/me,
# the page where staff create theirs; the token is the one shown once in <code data-new-token>.
api_token() {
  local base=$1 user=$2 password=$3 name=${4:-bench-$(date -u +%Y%m%dT%H%M%S)-$$} jar csrf token
  jar=$(mktemp)
  curl -s -c "$jar" -b "$jar" -o /dev/null "$base/login"
  csrf=$(awk '$6 == "rencontres_csrf" {print $7}' "$jar")
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$user" --data-urlencode "password=$password" \
    --data-urlencode "csrfToken=$csrf" "$base/login"
  csrf=$(awk '$6 == "rencontres_csrf" {print $7}' "$jar") # a new token, bound to the signed-in session
  token=$(curl -s -c "$jar" -b "$jar" --data-urlencode "name=$name" --data-urlencode "csrfToken=$csrf" \
    "$base/staff/me/tokens" | grep -o 'data-new-token>rct_[A-Za-z0-9_-]*' | cut -d'>' -f2)
  rm -f "$jar"
  [ -n "$token" ] || { echo "api_token: no token for $user at $base (sign-in refused?)" >&2; return 1; }
  echo "$token"
}
