create extension if not exists vector with schema extensions;
create table public.documents (
  id bigint primary key generated always as identity,
  content text,
  embedding extensions.vector(3)
);
