#!/usr/bin/env bash
# Installs the pinned Helm into .tools/helm/bin (git-ignored) from the Go module proxy, once:
# a second run finds the binary at the pinned version and returns at once. Prints the binary's path.
# Helm is a Go module; building it needs Go (the system's, or the toolchain Go downloads for it).
set -euo pipefail
HELM_VERSION="v3.22.0"
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin_dir="${root}/.tools/helm/bin"
helm="${bin_dir}/helm"

if [ -x "$helm" ] && "$helm" version --template '{{.Version}}' 2>/dev/null | grep -qx "$HELM_VERSION"; then
  echo "$helm"
  exit 0
fi
# Go's official archive installs into /usr/local/go, often put on PATH by a login shell only.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-helm: Go is needed to build Helm ${HELM_VERSION}; run .ci/setup (it installs golang-go)" >&2
  exit 1
fi
mkdir -p "$bin_dir"
echo "install-helm: building helm ${HELM_VERSION} from the Go module proxy (a few minutes, once)" >&2
# Helm stamps its version from ldflags; without them `helm version` says v3.x-dev, so set it here.
GOBIN="$bin_dir" GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" go install \
  -ldflags "-X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}" \
  "helm.sh/helm/v3/cmd/helm@${HELM_VERSION}" >&2
echo "$helm"
