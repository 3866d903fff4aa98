-- migc 0.1.0: generated from input/001_t.sql for profile test-stub; do not edit
-- migc: source sha256 ff6eaf17e85393e8f294656bf7ee7dd89ff06982dd432011df0fd34739dff3e6
-- migc: profile test-stub sha256 3b1bf2684e9d900a8873fa1758a56a6c7dd006aa13c35ca86f2fba0f02460da3
CREATE TABLE docs (id bigint PRIMARY KEY, features real[]);
