-- migc 0.1.0: generated from input/002_b.sql for profile v1.0-novector; do not edit
-- migc: source sha256 07bbd90b208c445921accaef655512d2f9ab45bc584c5f71c3b8bc043e290d02
-- migc: profile v1.0-novector sha256 11a8fa96e66eb58cae4f3adc58468e28c1cc626c1464ef1dbab7a98d0080623f
CREATE TABLE b (id int);
