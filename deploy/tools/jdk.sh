# Sourced (POSIX sh) by ./duban and .ci/run: finds a JDK 25 or newer and exports JAVA_HOME and PATH.
# Order: $JAVA_HOME if it is 25+, then the usual JVM folders of Linux (/usr/lib/jvm) and macOS
# (/Library/Java/JavaVirtualMachines, /usr/libexec/java_home), then `java` on the PATH.

duban_java_major() {
  # prints the feature release of the java binary $1 ("25"), nothing when it cannot be run
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

duban_jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major=$(duban_java_major "$1/bin/java")
  [ -n "$major" ] && [ "$major" -ge 25 ]
}

duban_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && duban_jdk_ok "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  if [ -x /usr/libexec/java_home ]; then
    candidate=$(/usr/libexec/java_home -v 25+ 2>/dev/null) && duban_jdk_ok "$candidate" && { echo "$candidate"; return 0; }
  fi
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] && duban_jdk_ok "$candidate" && { echo "$candidate"; return 0; }
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(cd "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")/.." && pwd -P)
    duban_jdk_ok "$candidate" && { echo "$candidate"; return 0; }
  fi
  return 1
}

if duban_home=$(duban_find_jdk); then
  JAVA_HOME=$duban_home
  PATH="$JAVA_HOME/bin:$PATH"
  export JAVA_HOME PATH
else
  echo "duban: Duban needs a JDK 25 or newer (Temurin 25 is a good choice); none was found in JAVA_HOME${JAVA_HOME:+ ($JAVA_HOME)}," >&2
  echo "duban: /usr/lib/jvm, /Library/Java/JavaVirtualMachines or on the PATH. Install one, or set JAVA_HOME to it." >&2
  exit 1
fi
