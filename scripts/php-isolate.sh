# Sourced by the PHP test scripts: PHP's conf.d without any installed `sovereign` extension, so the
# tests load exactly the freshly built one they name with -d extension=... (and not, say, one that
# scripts/demo.sh installed system-wide).
php_scan_dir=$(php -r 'echo PHP_CONFIG_FILE_SCAN_DIR;')
isolated_scan_dir=$(mktemp -d /tmp/sovereign-php-conf.XXXXXX)
chmod 755 "$isolated_scan_dir"
for ini in "$php_scan_dir"/*.ini; do
    [ -e "$ini" ] || continue
    case "$(basename "$ini")" in *sovereign*) continue ;; esac
    cp "$ini" "$isolated_scan_dir/"
done
export PHP_INI_SCAN_DIR="$isolated_scan_dir"
