/* Links against the installed libocop.so.1 through find_package(ocop) and ocop::capi. */
#include <stdio.h>
#include <ocop/ocop.h>

int main(void) {
    ocop_catalog* cat = NULL;
    char* sets = NULL;
    size_t count = 0;
    const char* p;
    if (ocop_abi_version() != OCOP_ABI_VERSION) return 1;
    if (ocop_catalog_new_embedded(&cat) != OCOP_OK || ocop_catalog_sets(cat, "1048-781", &sets) != OCOP_OK) {
        fprintf(stderr, "%s\n", ocop_last_error());
        return 1;
    }
    for (p = sets; *p; ++p)
        if (*p == '{') ++count;
    printf("c consumer: libocop %s, %u sets\n", ocop_version(), (unsigned)count);
    ocop_free(sets);
    ocop_catalog_free(cat);
    return 0;
}
