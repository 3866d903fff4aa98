-- migc 0.1.0: generated from input/001_t.sql for profile test-stub; do not edit
-- migc: source sha256 ff6eaf17e85393e8f294656bf7ee7dd89ff06982dd432011df0fd34739dff3e6
-- migc: profile test-stub sha256 9773f9a8e1de5774f0d749d06a0e21fa0e883d6121aaa727c7b3a28fef23b66f
CREATE TABLE docs (id bigint PRIMARY KEY, features real[]);
