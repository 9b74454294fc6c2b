module conclint/goparsebench

go 1.22
