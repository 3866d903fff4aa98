-- migc 0.1.0: generated from input/001_t.sql for profile test-stub; do not edit
-- migc: source sha256 ff6eaf17e85393e8f294656bf7ee7dd89ff06982dd432011df0fd34739dff3e6
-- migc: profile test-stub sha256 53e218c50a28b55225a1d4ed725c75d68392f704e2680d75f88fa52d77f17580
CREATE TABLE docs (id bigint PRIMARY KEY, features real[]);
