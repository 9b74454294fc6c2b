module conclint/gooracle

go 1.22
