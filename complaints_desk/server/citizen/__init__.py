"""The citizens' web pages (민원 신청, 국민제안, 처리 상황 조회, 제안 공개 목록), under /minwon/."""
