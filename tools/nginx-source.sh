#!/usr/bin/env bash
# Builds nginx 1.26.3 (the version of Debian trixie) from Debian's copy of the upstream source,
# with Debian's paths and the modules hostkit's sites use, into
# $HOSTKIT_TOOLS_CACHE/nginx-<version>/nginx (default /var/cache/hostkit-tools) and links it as
# $HOSTKIT_TOOLS_CACHE/bin/nginx-current. The tests check the compose kit's site (rendered for the
# nginx:1.28 image, `http2 on;`) with it, and the nginx:1.28 stand-in image runs it: bookworm's
# nginx 1.22 does not know the directives of nginx 1.25 and later. A version that is built
# already is left as it is, so a second run needs no network.
# Needs gcc, make and the headers of PCRE2, OpenSSL and zlib (.ci/run installs them).
set -euo pipefail

cache=${HOSTKIT_TOOLS_CACHE:-/var/cache/hostkit-tools}
NGINX_VERSION=1.26.3
NGINX_SHA256=69ee2b237744036e61d24b836668aad3040dda461fe6f570f1787eab570c75aa
mirror=${HOSTKIT_DEBIAN_MIRROR:-http://deb.debian.org/debian}
dir=$cache/nginx-$NGINX_VERSION

mkdir -p "$cache/bin"
if [ ! -x "$dir/nginx" ]; then
  echo "nginx-source: building nginx $NGINX_VERSION"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  curl -fsSL -o "$work/nginx.tar.gz" "$mirror/pool/main/n/nginx/nginx_$NGINX_VERSION.orig.tar.gz"
  echo "$NGINX_SHA256  $work/nginx.tar.gz" | sha256sum -c --quiet -
  tar -xzf "$work/nginx.tar.gz" -C "$work"
  # Debian's paths (so the binary runs in the Debian-based stand-in image as Debian's nginx
  # would), no dynamic modules; the static ones are those the generated sites name.
  (cd "$work/nginx-$NGINX_VERSION" && ./configure \
      --prefix=/usr/share/nginx --conf-path=/etc/nginx/nginx.conf --sbin-path=/usr/sbin/nginx \
      --http-log-path=/var/log/nginx/access.log --error-log-path=stderr \
      --lock-path=/var/lock/nginx.lock --pid-path=/run/nginx.pid --modules-path=/usr/lib/nginx/modules \
      --http-client-body-temp-path=/var/lib/nginx/body --http-fastcgi-temp-path=/var/lib/nginx/fastcgi \
      --http-proxy-temp-path=/var/lib/nginx/proxy --http-scgi-temp-path=/var/lib/nginx/scgi \
      --http-uwsgi-temp-path=/var/lib/nginx/uwsgi \
      --with-compat --with-pcre-jit --with-threads --with-http_ssl_module --with-http_v2_module \
      --with-http_realip_module --with-http_stub_status_module --with-http_gzip_static_module \
      --with-http_gunzip_module --with-http_auth_request_module \
      --with-cc-opt='-O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2' --with-ld-opt='-Wl,-z,relro -Wl,-z,now' \
      > "$work/configure.log" 2>&1 || { tail -n 30 "$work/configure.log" >&2; exit 1; }
   make -j"$(nproc)" > "$work/make.log" 2>&1 || { tail -n 30 "$work/make.log" >&2; exit 1; })
  mkdir -p "$dir.tmp"
  cp "$work/nginx-$NGINX_VERSION/objs/nginx" "$dir.tmp/nginx"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
fi
ln -sfn "$dir/nginx" "$cache/bin/nginx-current"
echo "nginx-source: nginx $NGINX_VERSION is in $dir"
