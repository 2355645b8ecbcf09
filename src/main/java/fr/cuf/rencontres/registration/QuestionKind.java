package fr.cuf.rencontres.registration;

/** How a custom question is answered. */
public enum QuestionKind { TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE, YES_NO }
