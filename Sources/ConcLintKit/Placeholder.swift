import ConcReport
