CALL reset_items();
