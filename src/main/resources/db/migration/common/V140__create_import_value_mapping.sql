-- What staff said a spreadsheet's value means (e.g. the organisation type « autorité locale étrangère » is
-- FOREIGN_LOCAL_AUTHORITY), remembered for the next import of the same kind. source_key is the value
-- compared as headers are (accents, case, punctuation ignored); source is the value as first typed.
CREATE TABLE import_value_mapping (
    import_kind  VARCHAR(20)  NOT NULL,
    field        VARCHAR(40)  NOT NULL,
    source_key   VARCHAR(200) NOT NULL,
    source       VARCHAR(200) NOT NULL,
    target       VARCHAR(60)  NOT NULL,
    chosen_by    VARCHAR(120) NOT NULL,
    chosen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_kind, field, source_key)
);
