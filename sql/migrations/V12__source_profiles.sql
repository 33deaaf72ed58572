-- Purpose: source profiles (DESIGN.md 2.6). A file read through a profile is registered with the profile's name and
-- where it came from (a shipped profile, or a user's file), the SHA-256 of the profile's text and the constants of
-- its source, so an auditor sees how a tool's values became the canonical ones; a profile reads JSON documents too.
ALTER TABLE source_file DROP CONSTRAINT source_file_format_check;
ALTER TABLE source_file ADD CONSTRAINT source_file_format_check CHECK (format IN ('csv', 'jsonl', 'json'));
ALTER TABLE source_file ADD COLUMN profile text,
                        ADD COLUMN profile_sha256 char(64),
                        ADD COLUMN constants text;
