-- Files uploaded on the staff import pages, kept between the preview and the commit, and the report
-- of the commit (JSON) for the download of rejected rows. Old uploads are purged after some days.
CREATE TABLE csv_import (
    id            VARCHAR(36)  PRIMARY KEY,
    kind          VARCHAR(20)  NOT NULL,
    event_slug    VARCHAR(160),
    file_name     VARCHAR(255) NOT NULL,
    content       BYTEA        NOT NULL,
    created_by    VARCHAR(120) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    committed_at  TIMESTAMP WITH TIME ZONE,
    report        BYTEA
);
CREATE INDEX ix_csv_import_created ON csv_import (created_at);
