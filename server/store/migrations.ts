/**
 * Schema, one entry per version. `PRAGMA user_version` records how many have run; a new version appends an
 * entry and never edits an old one, so every database file upgrades the same way.
 */
export const migrations: readonly string[] = [
  /* 1: the content WordPress's REST API serves, and comments ready for the comment routes. */ `
  CREATE TABLE authors (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT ''
  ) STRICT;

  CREATE TABLE categories (
    id   INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
  ) STRICT;

  CREATE TABLE media (
    id        INTEGER PRIMARY KEY,
    file      TEXT NOT NULL UNIQUE,
    mime_type TEXT NOT NULL,
    alt_text  TEXT NOT NULL DEFAULT '',
    width     INTEGER NOT NULL CHECK (width > 0),
    height    INTEGER NOT NULL CHECK (height > 0),
    date_gmt  TEXT NOT NULL
  ) STRICT;

  -- Resized variants ("medium", …) as WordPress lists them under media_details.sizes.
  CREATE TABLE media_sizes (
    media  INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    name   TEXT NOT NULL,
    file   TEXT NOT NULL,
    width  INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    PRIMARY KEY (media, name)
  ) STRICT;

  CREATE TABLE posts (
    id             INTEGER PRIMARY KEY,
    slug           TEXT NOT NULL UNIQUE,
    status         TEXT NOT NULL DEFAULT 'publish' CHECK (status IN ('publish', 'draft', 'private')),
    lang           TEXT NOT NULL,
    title          TEXT NOT NULL,
    content        TEXT NOT NULL,
    excerpt        TEXT NOT NULL,
    author         INTEGER NOT NULL REFERENCES authors (id),
    featured_media INTEGER REFERENCES media (id) ON DELETE SET NULL,
    category       INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    comment_status TEXT NOT NULL DEFAULT 'open' CHECK (comment_status IN ('open', 'closed')),
    date_gmt       TEXT NOT NULL,
    modified_gmt   TEXT NOT NULL
  ) STRICT;
  CREATE INDEX posts_by_date ON posts (status, date_gmt, id);

  -- Reader comments. content is stored exactly as sent; it is escaped on the way out, never on the way in.
  CREATE TABLE comments (
    id                INTEGER PRIMARY KEY,
    post              INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    parent            INTEGER REFERENCES comments (id) ON DELETE CASCADE,
    author_name       TEXT NOT NULL,
    author_email      TEXT NOT NULL,
    author_url        TEXT NOT NULL DEFAULT '',
    author_ip         TEXT NOT NULL,
    author_user_agent TEXT NOT NULL DEFAULT '',
    date_gmt          TEXT NOT NULL,
    content           TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('approved', 'hold', 'spam')),
    type              TEXT NOT NULL DEFAULT 'comment'
  ) STRICT;
  CREATE INDEX comments_by_post ON comments (post, status, date_gmt, id);
  CREATE INDEX comments_by_email ON comments (author_email, date_gmt);
  `,
  /*
   * 2: an indexed duplicate check. WordPress's rule (same post and parent, same name or e-mail, same text) had
   * only comments_by_post to go on, so every new comment read every comment on its post. content_hash is a
   * 48-bit digest of the text (nw_content_hash, registered by openDatabase); the text itself is still compared,
   * so a collision can never make two different comments duplicates. One index per side of the "name or e-mail".
   * Rows other tools insert without a hash keep it NULL, and the check probes those too.
   */ `
  ALTER TABLE comments ADD COLUMN content_hash INTEGER;
  UPDATE comments SET content_hash = nw_content_hash(content);
  CREATE INDEX comments_duplicate_by_email ON comments (post, author_email, content_hash);
  CREATE INDEX comments_duplicate_by_name ON comments (post, author_name, content_hash);
  -- A text edited by another tool loses its now-wrong hash; the duplicate check also probes NULL hashes.
  CREATE TRIGGER comments_content_edited AFTER UPDATE OF content ON comments
    WHEN NEW.content IS NOT OLD.content AND NEW.content_hash IS OLD.content_hash
    BEGIN UPDATE comments SET content_hash = NULL WHERE id = NEW.id; END;
  `,
  /*
   * 3: flood and duplicate checks as WordPress's MySQL collation makes them: e-mail addresses compared without case
   * or surrounding space, a text without its trailing white space (the hash now covers the text without it, as
   * store/comments.ts computes it), and the flood check by client address as well as by e-mail. Expression indexes,
   * so each check stays one index probe.
   */ `
  DROP INDEX comments_by_email;
  DROP INDEX comments_duplicate_by_email;
  DROP INDEX comments_duplicate_by_name;
  CREATE INDEX comments_by_email_key ON comments (lower(trim(author_email)), date_gmt);
  CREATE INDEX comments_by_ip ON comments (author_ip, date_gmt);
  CREATE INDEX comments_duplicate ON comments (post, lower(trim(author_email)), content_hash);
  UPDATE comments SET content_hash = nw_content_hash(rtrim(content, char(32, 9, 10, 11, 12, 13)));
  `,
  /*
   * 4: what the article page shows, computed once when stored rather than on every view.
   * posts.words: the word count as the widgets count it (nw_word_count, registered by openDatabase); word
   * segmentation was 12 of the page's 14 ms of CPU. NULL means "not counted", for rows other tools write: an
   * edit of the text or language by another tool resets it, and readers then count on the fly.
   * comment_previews: the first 300 characters of each longer comment, filled by
   * triggers for every writer. A table of its own, so the page reads neither a 65 KB text nor anything stored
   * after it in the comment's row (which means walking the text's overflow pages).
   */ `
  ALTER TABLE posts ADD COLUMN words INTEGER CHECK (words >= 0);
  UPDATE posts SET words = nw_word_count(content, lang);
  CREATE TRIGGER posts_text_edited AFTER UPDATE OF content, lang ON posts
    WHEN (NEW.content IS NOT OLD.content OR NEW.lang IS NOT OLD.lang) AND NEW.words IS OLD.words
    BEGIN UPDATE posts SET words = NULL WHERE id = NEW.id; END;

  CREATE TABLE comment_previews (
    comment INTEGER PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
    text    TEXT NOT NULL
  ) STRICT;
  INSERT INTO comment_previews (comment, text) SELECT id, substr(content, 1, 300) FROM comments WHERE length(content) > 300;
  CREATE TRIGGER comments_preview_on_insert AFTER INSERT ON comments WHEN length(NEW.content) > 300
    BEGIN INSERT INTO comment_previews (comment, text) VALUES (NEW.id, substr(NEW.content, 1, 300)); END;
  CREATE TRIGGER comments_preview_on_edit AFTER UPDATE OF content ON comments
    BEGIN
      DELETE FROM comment_previews WHERE comment = NEW.id;
      INSERT INTO comment_previews (comment, text) SELECT NEW.id, substr(NEW.content, 1, 300) WHERE length(NEW.content) > 300;
    END;
  `,
  /*
   * 5: categories and tags as WordPress keeps them (wp_terms, wp_term_relationships): a post has any number of
   * each. post_categories is filled from posts.category, which nothing reads any more (other tools may still write
   * it; the join tables are the truth). Indexes for the posts list's filters (GET /wp/v2/posts): each join table's
   * key answers "the terms of this post", and its (term, post) index "the posts of this term" (?categories=,
   * ?tags=, the terms' counts); posts_by_author serves ?author= and the author archive, posts_by_modified
   * ?modified_before/after= and orderby=modified, as posts_by_date serves ?before/after= and the default order.
   * ?search= stays a scan of the published posts: WordPress's LIKE '%term%' cannot use an index either.
   */ `
  ALTER TABLE categories ADD COLUMN description TEXT NOT NULL DEFAULT '';
  ALTER TABLE categories ADD COLUMN parent INTEGER REFERENCES categories (id) ON DELETE SET NULL;

  CREATE TABLE tags (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
  ) STRICT;

  CREATE TABLE post_categories (
    post     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    category INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    PRIMARY KEY (post, category)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX post_categories_by_category ON post_categories (category, post);

  CREATE TABLE post_tags (
    post INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag  INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (post, tag)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX post_tags_by_tag ON post_tags (tag, post);

  INSERT INTO post_categories (post, category) SELECT id, category FROM posts WHERE category IS NOT NULL;

  CREATE INDEX posts_by_author ON posts (author, status, date_gmt, id);
  CREATE INDEX posts_by_modified ON posts (status, modified_gmt, id);
  `,
  /*
   * 6: replies by parent, for `_links.children` (has this comment approved replies?), one probe each; partial, so
   * that top-level comments, most of them, cost the index nothing when stored.
   * comments.content_html: `content.rendered` (nw_comment_html, registered by openDatabase), stored when the comment
   * is, since sanitizing is most of a read's cost (a 65 KB comment of tags takes 0.1 s) while the text, kept as
   * sent, never changes through this server. An edit of the text by another tool resets it, and reads then render.
   * A later change to the rendering (comment-html.ts) needs a migration that fills the column again.
   */ `
  CREATE INDEX comments_by_parent ON comments (parent, status) WHERE parent IS NOT NULL;
  ALTER TABLE comments ADD COLUMN content_html TEXT;
  UPDATE comments SET content_html = nw_comment_html(content);
  CREATE TRIGGER comments_html_edited AFTER UPDATE OF content ON comments
    WHEN NEW.content IS NOT OLD.content AND NEW.content_html IS OLD.content_html
    BEGIN UPDATE comments SET content_html = NULL WHERE id = NEW.id; END;
  `,
  /*
   * 7: moderation. Users who sign in are authors with a `login` and a `role` (WordPress keeps one users table too, so
   * a moderator with a published post is listed like any author). application_passwords: WordPress's Application
   * Passwords, only a slow hash of each (auth/passwords.ts). comment_trash: a trashed comment keeps its row and its
   * status before trashing (WordPress's `_wp_trash_meta_status`), with a status that is never 'approved', so every
   * public read leaves it out as it is; the trash is this table. moderation_log: who did what to which comment,
   * when and from where. comments_by_status: the moderation queues, newest first.
   */ `
  ALTER TABLE authors ADD COLUMN login TEXT;
  ALTER TABLE authors ADD COLUMN role TEXT CHECK (role IN ('moderator', 'administrator'));
  ALTER TABLE authors ADD COLUMN registered_gmt TEXT;
  CREATE UNIQUE INDEX authors_by_login ON authors (lower(login)) WHERE login IS NOT NULL;

  CREATE TABLE application_passwords (
    uuid        TEXT PRIMARY KEY,
    user        INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    hash        TEXT NOT NULL,
    created_gmt TEXT NOT NULL
  ) STRICT;
  CREATE INDEX application_passwords_by_user ON application_passwords (user);

  CREATE TABLE comment_trash (
    comment         INTEGER PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
    previous_status TEXT NOT NULL CHECK (previous_status IN ('approved', 'hold', 'spam')),
    date_gmt        TEXT NOT NULL
  ) STRICT;

  CREATE TABLE moderation_log (
    id          INTEGER PRIMARY KEY,
    user        INTEGER,
    login       TEXT NOT NULL,
    action      TEXT NOT NULL,
    comment     INTEGER NOT NULL,
    from_status TEXT,
    to_status   TEXT,
    date_gmt    TEXT NOT NULL,
    ip          TEXT NOT NULL
  ) STRICT;

  CREATE INDEX comments_by_status ON comments (status, date_gmt, id);
  `,
  /*
   * 8: attempts, what the rate limits count (comments a client sent, failed sign-ins), kept in the database rather than
   * in one process's memory so that every process on the file counts them together, as PostgreSQL's instances do.
   */ `
  CREATE TABLE attempts (
    bucket TEXT NOT NULL,
    key    TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    at_ms  INTEGER NOT NULL,
    PRIMARY KEY (bucket, key, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX attempts_by_time ON attempts (bucket, at_ms);
  `,
];
