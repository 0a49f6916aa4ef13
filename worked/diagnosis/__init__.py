"""The post worked as by hand (Mazur's names, plain floats) with the habits a hand calculation can get
wrong as the knobs of one :class:`Variant`; every quantity a reader can check and what it is computed
from; the slips a student makes as single edits of that computation (:data:`EDITS`), searched alone and
in pairs; and a reader's typed numbers judged against all of them, one by one (:func:`diagnose`) or as a
sheet with one root cause (:func:`judge`). Keys are read in the post's and the books' notation
(:func:`key`); typed numbers are bounded and judged only with enough significant figures
(:func:`parse`). Any other worked example is graded by the stated rule alone (:func:`grade`), and a
class's variants of an example come as worksheets (:func:`worksheet`), graded cell by cell."""

from worked.diagnosis.edits import EDITS, FAMILIES, Edit
from worked.diagnosis.graded import Grade, grade
from worked.diagnosis.mistakes import MISTAKES, Mistake, common_mistakes, get_mistake
from worked.diagnosis.notation import key
from worked.diagnosis.reader import STATUSES, Diagnosis, diagnose, diagnose_all
from worked.diagnosis.sheet import Sheet, judge
from worked.diagnosis.typed import MIN_FIGURES, Typed, parse
from worked.diagnosis.variant import STATED, Variant
from worked.diagnosis.worksheet import Cell, Worksheet, worksheet

__all__ = [
    "EDITS",
    "FAMILIES",
    "MIN_FIGURES",
    "MISTAKES",
    "STATED",
    "STATUSES",
    "Cell",
    "Diagnosis",
    "Edit",
    "Grade",
    "Mistake",
    "Sheet",
    "Typed",
    "Variant",
    "Worksheet",
    "common_mistakes",
    "diagnose",
    "diagnose_all",
    "get_mistake",
    "grade",
    "judge",
    "key",
    "parse",
    "worksheet",
]
