"""The post worked as by hand (Mazur's names, plain floats) with the habits a hand calculation can get
wrong as the knobs of one :class:`Variant`; every quantity a reader can check and what it is computed
from; the catalogue of classic mistakes; and a reader's typed numbers judged against all of them."""

from worked.diagnosis.mistakes import MISTAKES, Mistake, common_mistakes, get_mistake
from worked.diagnosis.reader import Diagnosis, diagnose, diagnose_all
from worked.diagnosis.variant import STATED, Variant

__all__ = [
    "MISTAKES",
    "STATED",
    "Diagnosis",
    "Mistake",
    "Variant",
    "common_mistakes",
    "diagnose",
    "diagnose_all",
    "get_mistake",
]
