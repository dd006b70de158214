"""巡逻防控: patrol zones, lines and points, teams and shifts, check-ins and routes; and the 1-3-5-minute response circles (快反处置圈) of the response posts."""
