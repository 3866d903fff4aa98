-- the platform's schemas and roles (as Supabase provides them)
CREATE ROLE authenticated NOLOGIN;
CREATE SCHEMA auth;
CREATE TABLE auth.users (id uuid PRIMARY KEY);
CREATE SCHEMA storage;
CREATE TABLE storage.objects (id uuid PRIMARY KEY);
