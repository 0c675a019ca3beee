#!/usr/bin/env bash
# Makes the Kinerja development PKI with the openssl CLI: a CA and ECDSA P-256 certificates whose
# single URI SAN names each service and client. See docs/OPERATIONS.md "PKI".
#
#   deploy/pki/make-dev-pki.sh [--force] [DIR]
#   deploy/pki/make-dev-pki.sh --revoke KIND/NAME|CERT.pem [DIR]
#
# DIR defaults to $KINERJA_PKI_DIR, else .dev/pki at the repository root. An existing set that is
# complete and valid for at least 7 more days is kept as it is (its CRL is renewed when it expires
# within 7 days); --force replaces any set. --revoke adds a certificate to DIR/crl.pem.
# KINERJA_CRL_URL, when set, is written into every leaf as its CRL distribution point.
set -euo pipefail

usage() { echo "usage: $0 [--force] [DIR] | --revoke KIND/NAME|CERT.pem [DIR]" >&2; exit 2; }

force=0
dir=""
revoke=""
while [ $# -gt 0 ]; do
    case "$1" in
        --force) force=1 ;;
        --revoke) [ $# -ge 2 ] || usage; revoke="$2"; shift ;;
        -h|--help) usage ;;
        -*) usage ;;
        *) [ -z "$dir" ] || usage; dir="$1" ;;
    esac
    shift
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${dir:-${KINERJA_PKI_DIR:-$root/.dev/pki}}"

trust_domain="${KINERJA_TRUST_DOMAIN:-kinerja.kupangkota.go.id}"
leaf_days=90
ca_days=365
crl_days=30
crl_url="${KINERJA_CRL_URL:-}"
services=(identity planning reporting feedback evaluation)
clients=(hr-portal citizen-kiosk operator siak-dukcapil web)
# Certificates browsers see (serverAuth, DNS localhost and IP 127.0.0.1): kinerja-web's HTTPS.
https_servers=(web)

command -v openssl >/dev/null || { echo "openssl CLI not found (apt-get install openssl)" >&2; exit 1; }

# Every file a complete set has.
expected_files() {
    echo ca.pem
    for name in "${services[@]}"; do echo "service/$name.pem"; echo "service/$name.key"; done
    for name in "${clients[@]}"; do echo "client/$name.pem"; echo "client/$name.key"; done
    for name in "${https_servers[@]}"; do echo "https/$name.pem"; echo "https/$name.key"; done
}

# A set is valid when every file exists, every leaf chains to ca.pem, and nothing expires within 7 days.
set_is_valid() {
    local file
    for file in $(expected_files); do [ -s "$dir/$file" ] || return 1; done
    openssl x509 -in "$dir/ca.pem" -noout -checkend 604800 >/dev/null 2>&1 || return 1
    for file in $(expected_files | grep '\.pem$' | grep -v '^ca.pem$'); do
        openssl verify -CAfile "$dir/ca.pem" "$dir/$file" >/dev/null 2>&1 || return 1
        openssl x509 -in "$dir/$file" -noout -checkend 604800 >/dev/null 2>&1 || return 1
    done
}

set_is_present() {
    local file
    for file in $(expected_files); do [ -e "$dir/$file" ] && return 0; done
    [ -e "$dir/ca.key" ]
}

# The CA's database for revocations (openssl ca), kept beside the CA key.
ca_config() {
    mkdir -p "$dir/ca-db"
    [ -e "$dir/ca-db/index.txt" ] || : > "$dir/ca-db/index.txt"
    cat > "$dir/ca-db/ca.cnf" <<CONF
[ca]
default_ca = dev
[dev]
database = $dir/ca-db/index.txt
crlnumber = $dir/ca-db/crlnumber
certificate = $dir/ca.pem
private_key = $dir/ca.key
default_md = sha256
default_crl_days = $crl_days
CONF
    [ -e "$dir/ca-db/crlnumber" ] || echo 1000 > "$dir/ca-db/crlnumber"
    echo "$dir/ca-db/ca.cnf"
}

# (Re)issues DIR/crl.pem from the CA database.
issue_crl() {
    local config
    config="$(ca_config)"
    openssl ca -config "$config" -gencrl -out "$dir/crl.pem.new" 2>/dev/null
    mv -f "$dir/crl.pem.new" "$dir/crl.pem"
    chmod 644 "$dir/crl.pem"
}

crl_is_current() {
    [ -s "$dir/crl.pem" ] || return 1
    local next
    next="$(openssl crl -in "$dir/crl.pem" -noout -nextupdate 2>/dev/null | cut -d= -f2)"
    [ -n "$next" ] || return 1
    [ "$(date -u -d "$next" +%s)" -gt "$(( $(date -u +%s) + 604800 ))" ]
}

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
serial() { echo "0x$(openssl rand -hex 16)"; }

# issue KIND NAME (into $out, signed by $ca_pem/$ca_key): a leaf whose only URI SAN is
# spiffe://<trust domain>/KIND/NAME, or for KIND https a browser-facing server named localhost/127.0.0.1.
issue() {
    local kind="$1" name="$2"
    local base="$out/$kind/$name"
    local san="URI:spiffe://$trust_domain/$kind/$name"
    local eku="clientAuth"
    if [ "$kind" = service ]; then
        # Services accept connections (serverAuth) and call each other (clientAuth).
        san="$san, DNS:localhost, IP:127.0.0.1"
        eku="serverAuth, clientAuth"
    elif [ "$kind" = https ]; then
        # A web server browsers reach: named by host, never a Kinerja identity.
        san="DNS:localhost, IP:127.0.0.1"
        eku="serverAuth"
    fi
    new_key "$base.key"
    openssl req -new -key "$base.key" -subj "/O=Pemerintah Kota Kupang/OU=Kinerja development/CN=$kind:$name" \
        -out "$base.csr"
    cat > "$base.ext" <<CONF
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = $eku
subjectAltName = $san
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
${crl_url:+crlDistributionPoints = URI:$crl_url}
CONF
    openssl x509 -req -in "$base.csr" -CA "$ca_pem" -CAkey "$ca_key" -set_serial "$(serial)" \
        -sha256 -days "$leaf_days" -extfile "$base.ext" -out "$base.pem" 2>/dev/null
    rm -f "$base.csr" "$base.ext"
}

# True when the CA is complete and valid, and every leaf present is valid: only leaves are
# missing (a client added to the lists above). Those are issued by the existing CA, so the
# names and certificates already handed out stay as they are.
only_leaves_missing() {
    [ -s "$dir/ca.pem" ] && [ -s "$dir/ca.key" ] || return 1
    openssl x509 -in "$dir/ca.pem" -noout -checkend 604800 >/dev/null 2>&1 || return 1
    local file
    for file in $(expected_files | grep '\.pem$' | grep -v '^ca.pem$'); do
        if [ -e "$dir/$file" ]; then
            [ -s "${dir}/${file%.pem}.key" ] || return 1
            openssl verify -CAfile "$dir/ca.pem" "$dir/$file" >/dev/null 2>&1 || return 1
            openssl x509 -in "$dir/$file" -noout -checkend 604800 >/dev/null 2>&1 || return 1
        fi
    done
}

if [ -n "$revoke" ]; then
    [ -s "$dir/ca.key" ] || { echo "no CA in $dir" >&2; exit 1; }
    cert="$revoke"
    [ -f "$cert" ] || cert="$dir/$revoke.pem"
    [ -f "$cert" ] || { echo "no certificate $revoke" >&2; exit 1; }
    openssl ca -config "$(ca_config)" -revoke "$cert" -crl_reason keyCompromise 2>/dev/null
    issue_crl
    echo "revoked: $(openssl x509 -in "$cert" -noout -serial) ($cert); CRL: $dir/crl.pem"
    exit 0
fi

if [ "$force" -eq 0 ]; then
    if set_is_valid; then
        if ! crl_is_current; then
            issue_crl
            echo "renewed: $dir/crl.pem"
        fi
        echo "kept: a valid development PKI is already in $dir (use --force to replace it)"
        exit 0
    fi
    if only_leaves_missing; then
        (umask 077
         out="$dir"; ca_pem="$dir/ca.pem"; ca_key="$dir/ca.key"
         for file in $(expected_files | grep '\.pem$' | grep -v '^ca.pem$'); do
             if [ ! -e "$dir/$file" ]; then
                 kind="${file%%/*}"; name="${file#*/}"; name="${name%.pem}"
                 mkdir -p "$dir/$kind"
                 issue "$kind" "$name"
                 chmod 644 "$dir/$file"
                 echo "added: $dir/$file (signed by the existing CA)"
             fi
         done)
        exit 0
    fi
    if set_is_present; then
        echo "refused: $dir holds an incomplete or expiring PKI; rerun with --force to replace it" >&2
        exit 1
    fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
umask 077
mkdir -p "$work/service" "$work/client" "$work/https"

out="$work"
ca_pem="$work/ca.pem"
ca_key="$work/ca.key"

# The CA: may sign leaves only (pathlen 0).
new_key "$work/ca.key"
cat > "$work/ca.ext" <<CONF
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CONF
openssl req -new -x509 -key "$work/ca.key" -sha256 -days "$ca_days" -set_serial "$(serial)" \
    -subj "/O=Pemerintah Kota Kupang/OU=Kinerja development/CN=Kinerja Development CA" \
    -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\n'; cat "$work/ca.ext") \
    -out "$work/ca.pem"

for name in "${services[@]}"; do issue service "$name"; done
for name in "${clients[@]}"; do issue client "$name"; done
for name in "${https_servers[@]}"; do issue https "$name"; done
rm -f "$work/ca.ext"

# Replace the old set only once the new one is complete.
mkdir -p "$dir/service" "$dir/client" "$dir/https"
for file in ca.pem ca.key $(expected_files | grep -v '^ca.pem$'); do
    mv -f "$work/$file" "$dir/$file"
done
chmod 644 "$dir/ca.pem" "$dir"/service/*.pem "$dir"/client/*.pem "$dir"/https/*.pem
# A new CA starts with an empty revocation list.
rm -rf "$dir/ca-db"
issue_crl
echo "made: development PKI in $dir (CA valid $ca_days days, leaves $leaf_days days)"
